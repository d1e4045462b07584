// For frame.html, the iframe version of the widget: tells the parent page how tall the widget
// is whenever that changes, so the parent can size the iframe (see docs/embed.md).
//
// Message: { type: "scorecard:resize", frame: <the ?frame= value or null>, height: <CSS px> }
const frame = new URLSearchParams(location.search).get('frame');
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'scorecard:resize', frame, height }, '*');
  }
}).observe(document.documentElement);
