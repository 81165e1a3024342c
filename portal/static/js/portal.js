// Start NHS.UK frontend's components. Every page works without this.
import { initAll } from "/assets/nhsuk-frontend-10.6.1.min.js";

initAll();
