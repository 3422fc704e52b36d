import { prepareTemplate, testDriver } from './database';

export default async function setup() {
  if (testDriver() === 'postgres') await prepareTemplate();
}
