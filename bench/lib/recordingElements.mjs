// Stand-ins for `dbn-dashboard` and `dbn-metric` that record what happens to
// them: how many were created and removed, which are connected, and every token set,
// with the time it arrived. They render nothing, so the figures measure the
// token plumbing and React, not a chart library.

export const record = {
  created: 0,
  disconnected: 0,
  /** @type {Set<HTMLElement>} */
  live: new Set(),
};

export function resetRecord() {
  record.created = 0;
  record.disconnected = 0;
  record.live.clear();
}

function defineRecorder(tag) {
  class RecordingElement extends HTMLElement {
    #token;
    constructor() {
      super();
      record.created += 1;
      /** @type {{ at: number, token: string }[]} */
      this.tokenLog = [];
    }
    get token() {
      return this.#token;
    }
    set token(value) {
      if (value === this.#token) return;
      this.#token = value;
      this.tokenLog.push({ at: Date.now(), token: value });
    }
    connectedCallback() {
      record.live.add(this);
    }
    disconnectedCallback() {
      record.disconnected += 1;
      record.live.delete(this);
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, RecordingElement);
}

/** Defines both stand-ins (once); usable as a provider's `loadElements`. */
export async function defineRecordingElements() {
  defineRecorder('dbn-dashboard');
  defineRecorder('dbn-metric');
}
