// Browsers start an AudioContext suspended until the page gets a click or a key, and the
// game opens its sound before either. Every AudioContext made on this page is remembered
// and resumed at the first gesture, so the game's sound starts then.
(() => {
  const contexts = [];
  for (const name of ["AudioContext", "webkitAudioContext"]) {
    const Original = window[name];
    if (!Original) continue;
    window[name] = new Proxy(Original, {
      construct(target, args) {
        const made = new target(...args);
        contexts.push(made);
        // Said in the console, where a browser test reads that the sound started.
        made.addEventListener("statechange", () => console.info("Sound: " + made.state));
        return made;
      },
    });
  }
  const resume = () => {
    for (const c of contexts) {
      if (c.state !== "running") c.resume().catch(() => {});
    }
  };
  for (const event of ["pointerdown", "keydown", "touchend"]) {
    document.addEventListener(event, resume, { capture: true });
  }
})();
