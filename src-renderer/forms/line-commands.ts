/** The content commands the line components ask for; the page hands them to its document store. */
import type { ContentCommand, Id } from '@core/documents'

export type LineCommand = ContentCommand

/** What a store answers to a command: done, or the reason it was refused. */
export interface Outcome {
  ok: boolean
  reason?: string
}

/** Runs the commands one after the other, stopping at the first refusal. */
export type RunCommands = (commands: LineCommand[]) => Promise<Outcome>

/** A new line from the Add Product dialog. */
export interface NewLine {
  lineId: Id
  writeIn: boolean
  productId?: Id
  unitId?: Id
  productName: string
  override: boolean
  pricePerUnit?: string
  quantity: string
  manualDiscount: string
  tax: string
}

/** The commands that add a line as the dialog described it (an overridden price is a second command). */
export function addLineCommands(line: NewLine): LineCommand[] {
  const { lineId, quantity, manualDiscount, tax } = line
  if (line.writeIn)
    return [
      {
        type: 'addWriteIn',
        lineId,
        productName: line.productName,
        pricePerUnit: line.pricePerUnit ?? '0',
        quantity,
        manualDiscount,
        tax,
      },
    ]
  const add: LineCommand = {
    type: 'addLine',
    lineId,
    productId: line.productId ?? '',
    unitId: line.unitId ?? '',
    quantity,
    manualDiscount,
    tax,
  }
  if (!line.override) return [add]
  return [add, { type: 'changePrice', lineId, pricePerUnit: line.pricePerUnit ?? '0' }]
}
