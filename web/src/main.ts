// The analyst interface of `sitrep serve`: one custom element holds the whole app.
import './app.js';
