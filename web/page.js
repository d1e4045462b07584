// For index.html, the standalone page: its feed chooser (the page's, not the widget's; embeds
// choose with data-feed). The form works without this file: picking a feed and pressing "Show"
// reloads the page with ?feed=…, which the widget reads (docs/embed.md, section 6). This shows
// the feed the page is on, and switches as soon as another is picked.
const form = document.getElementById('feed-chooser');
const select = form?.querySelector('select[name="feed"]');
if (form && select) {
  const current = new URLSearchParams(location.search).get('feed');
  if (current && ![...select.options].some((option) => option.value === current)) {
    // A feed of someone else's, named in the address: say so rather than show a bundled one.
    select.add(new Option('The feed named in this page\'s address', current), 0);
  }
  if (current) select.value = current;
  select.addEventListener('change', () => form.requestSubmit());
}
