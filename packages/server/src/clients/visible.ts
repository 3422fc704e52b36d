// The guard every /clients/:id/* sub-resource starts with: a client the caller cannot see does not exist.
import { notFound } from '../http/errors';
import { type ClientAccess, visibleClients } from './access';

export async function assertVisibleClient(access: ClientAccess, clientId: string): Promise<void> {
  const row = await visibleClients(access).select('id').where('id', '=', clientId).executeTakeFirst();
  if (!row) throw notFound('Client');
}
