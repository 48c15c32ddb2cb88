-- The payments collection became a ledger of payments, voids and refunds, told apart by `kind`. Every record
-- stored before has no kind and was a payment.
UPDATE documents SET data = data || '{"kind": "payment"}'::jsonb
 WHERE collection = 'payments' AND NOT (data ? 'kind');
