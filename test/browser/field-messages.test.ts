// The field reason sentences are a chunk (issue 10): before it has arrived, code in an element's
// entry shows the general sentence and renders again when it comes. Its own page, so the chunk is
// not in yet when the first test starts.
import { fieldMessage, loadFieldMessages } from '../../packages/elements/src/i18n/messages.js';
import { expect } from './helpers.js';

describe('fieldMessage', () => {
  it('stands in with the general sentence, fetches the chunk and renders the host again', async () => {
    const chunks: Promise<unknown>[] = [];
    let updates = 0;
    const host = { requestUpdate: () => void updates++, awaitChunk: (load: Promise<unknown>) => void chunks.push(load) };
    expect(fieldMessage('too_long', host)).to.equal('This value is not valid.');
    expect(chunks.length).to.equal(1);
    await Promise.all(chunks);
    expect(updates).to.equal(1);
    expect(fieldMessage('too_long', host)).to.equal('This is too long.');
    // Nothing more to fetch once it is in.
    expect(chunks.length).to.equal(1);
  });

  it('translates known reason codes and shows a host message as sent', async () => {
    await loadFieldMessages();
    expect(fieldMessage('wrong_password')).to.equal('That password is not correct.');
    expect(fieldMessage('Domain not allowed by policy')).to.equal('Domain not allowed by policy');
  });
});
