// Progressive enhancement only: every page works without this script. Nothing runs inline in
// a page (the Content-Security-Policy forbids it), so page behaviour lives here.
import { initAll } from './govuk-frontend.min.js'

initAll()

// "Print this letter" buttons (letters/pages/letter.html) are hidden until this script can make
// them work: without JavaScript the browser's own print command still prints the letter.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
