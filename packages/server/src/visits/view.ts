// The answer shape of a visit: every field present, empty ones null, times ISO, money in minor units.
import type { AppointmentStatus, ClientSource, PaymentTable } from '../db/schema';

export interface VisitRow {
  id: string;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  source: ClientSource;
  comment: string | null;
  total: number;
  paid: number;
  location_id: string;
  location_name: string;
  staff_id: string;
  staff_name: string;
}

export interface LineRow {
  id: string;
  appointment_id: string;
  kind: 'service' | 'product';
  service_id: string | null;
  product_id: string | null;
  name: string;
  staff_id: string | null;
  staff_name: string | null;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
}

export interface PaymentRow {
  id: string;
  appointment_id: string;
  method: PaymentTable['method'];
  amount: number;
  created_at: Date;
}

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

function lineView(line: LineRow) {
  const item = line.kind === 'service' ? { service_id: line.service_id } : { product_id: line.product_id };
  return {
    id: line.id,
    ...item,
    name: line.name,
    staff: named(line.staff_id, line.staff_name),
    quantity: line.quantity,
    price: line.price,
    discount: line.discount,
    amount: line.amount,
  };
}

export function visitView(row: VisitRow, lines: LineRow[], payments: PaymentRow[]) {
  return {
    id: row.id,
    status: row.status,
    starts_at: row.starts_at.toISOString(),
    ends_at: row.ends_at.toISOString(),
    source: row.source,
    comment: row.comment,
    location: { id: row.location_id, name: row.location_name },
    staff: { id: row.staff_id, name: row.staff_name },
    services: lines.filter((line) => line.kind === 'service').map(lineView),
    products: lines.filter((line) => line.kind === 'product').map(lineView),
    payments: payments.map((p) => ({ id: p.id, method: p.method, amount: p.amount, at: p.created_at.toISOString() })),
    total: row.total,
    paid: row.paid,
    // Owed only once the client came; money paid ahead of a visit is a deposit, not a settled debt.
    due: row.status === 'arrived' ? row.total - row.paid : 0,
  };
}

export type VisitView = ReturnType<typeof visitView>;
