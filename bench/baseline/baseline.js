// The plain-JavaScript baseline for `cargo xtask bench`: loads a feed (?feed=URL), filters by
// state, stance and name, renders the first 200 matches, and keeps a shortlist. It leaves the
// same performance marks as the widget ("…:parse-start/end", "…:results"), so the driver times
// both the same way. Deliberately straightforward: what a competent hand-written page would do.
const ROWS = 200;
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

async function main() {
  const response = await fetch(params.get('feed'));
  const text = await response.text();
  performance.mark('baseline:parse-start');
  const feed = JSON.parse(text);
  performance.mark('baseline:parse-end');
  const question = feed.questions[0];
  const stanceLabel = new Map(question.stances.map((s) => [s.id, s.label]));
  const officials = feed.officials.map((o) => ({
    o,
    key: fold(o.name),
    stance: o.stances?.[question.id]?.stance ?? question.default_stance,
  }));
  officials.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  performance.mark('baseline:ready');

  $('title').textContent = feed.meta.title;
  const states = [...new Set(officials.map((x) => x.o.state))].sort();
  $('state').append(...states.map((s) => new Option(s, s)));
  const chosen = new Set();
  const boxes = new Map();
  for (const s of question.stances) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = s.id;
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(s.id);
      else chosen.delete(s.id);
      render();
    });
    const count = document.createElement('span');
    boxes.set(s.id, count);
    label.append(box, ` ${s.label} `, count);
    $('stances').append(label);
  }
  const shortlist = [];
  const renderShortlist = () => {
    $('shortlist').replaceChildren(...shortlist.map((o) => Object.assign(document.createElement('li'), { textContent: `${o.name}: $27` })));
    $('total').textContent = `Total: $${27 * shortlist.length}`;
  };

  function render() {
    const state = $('state').value;
    const name = fold($('name').value.trim());
    const counts = new Map(question.stances.map((s) => [s.id, 0]));
    const matches = [];
    for (const x of officials) {
      if (state && x.o.state !== state) continue;
      if (name && !x.key.includes(name)) continue;
      counts.set(x.stance, (counts.get(x.stance) ?? 0) + 1);
      if (chosen.size && !chosen.has(x.stance)) continue;
      matches.push(x);
    }
    for (const [id, span] of boxes) span.textContent = `(${counts.get(id)})`;
    $('count').textContent = `${matches.length.toLocaleString('en-US')} officials`;
    const rows = matches.slice(0, ROWS).map(({ o, stance }) => {
      const row = document.createElement('div');
      row.className = 'row';
      const who = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = o.name;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = [o.position, o.district && `District ${o.district}`, o.city, o.state, o.party].filter(Boolean).join(' · ');
      who.append(name, meta);
      const badge = document.createElement('span');
      badge.textContent = stanceLabel.get(stance) ?? '';
      const add = document.createElement('button');
      const label = () => {
        const listed = shortlist.includes(o);
        add.textContent = listed ? 'Remove' : 'Add';
        add.setAttribute('aria-label', listed ? `Remove ${o.name} from shortlist` : `Add ${o.name} to shortlist`);
      };
      label();
      add.addEventListener('click', () => {
        const at = shortlist.indexOf(o);
        if (at >= 0) shortlist.splice(at, 1);
        else shortlist.push(o);
        label();
        renderShortlist();
      });
      row.append(who, badge, add);
      return row;
    });
    $('list').replaceChildren(...rows);
  }
  $('state').addEventListener('change', render);
  $('name').addEventListener('input', render);
  render();
  renderShortlist();
  requestAnimationFrame(() => setTimeout(() => performance.mark('baseline:results')));
}

main();
