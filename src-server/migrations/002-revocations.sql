-- Records a rep has lost (their customer was given to another rep). The rep's pull sends each one as a tombstone,
-- so the record leaves their device. The seq comes from the collection's sequence, taken under the collection's
-- lock like a document's, so a checkpoint orders revocations and documents alike, in commit order. One row per
-- record and user: a record given back to the user drops the row (its new document seq brings it back).
CREATE TABLE revocations (
  collection text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  seq bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id, user_id)
);
CREATE INDEX revocations_user_seq ON revocations (collection, user_id, seq);
