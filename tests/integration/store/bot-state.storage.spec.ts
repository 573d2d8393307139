import { DatabaseBotStorage, EtagConflictError } from '../../../bot/src/store/bot-state.storage';
import { describeEachStore } from '../../support/stores';

describeEachStore('bot state storage (botbuilder Storage)', (store) => {
  it('reads back what it wrote, with an eTag', async () => {
    const storage = new DatabaseBotStorage(store().db);
    await storage.write({ 'conv/1': { step: 'välj ansvarig', name: 'Anna-Karin Åkesson' } });
    const items = await storage.read(['conv/1', 'missing']);
    expect(items['conv/1']).toMatchObject({ step: 'välj ansvarig', name: 'Anna-Karin Åkesson' });
    expect(items['conv/1']?.eTag).toEqual(expect.any(String));
    expect(items.missing).toBeUndefined();
  });

  it('refuses a write with a stale eTag and keeps the newer document', async () => {
    const storage = new DatabaseBotStorage(store().db);
    await storage.write({ 'conv/2': { count: 1 } });
    const first = (await storage.read(['conv/2']))['conv/2']!;
    await storage.write({ 'conv/2': { ...first, count: 2 } });
    await expect(storage.write({ 'conv/2': { ...first, count: 3 } })).rejects.toBeInstanceOf(EtagConflictError);
    expect((await storage.read(['conv/2']))['conv/2']).toMatchObject({ count: 2 });
  });

  it('writes unconditionally with eTag "*" and deletes', async () => {
    const storage = new DatabaseBotStorage(store().db);
    await storage.write({ 'conv/3': { a: 1 } });
    await storage.write({ 'conv/3': { a: 2, eTag: '*' } });
    expect((await storage.read(['conv/3']))['conv/3']).toMatchObject({ a: 2 });
    await storage.delete(['conv/3']);
    expect(await storage.read(['conv/3'])).toEqual({});
  });
});
