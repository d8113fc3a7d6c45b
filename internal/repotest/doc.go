// Package repotest holds tests about the repository as a whole rather than
// about one package: that comments cite public documents, and that the
// « Contribuer » recipes of the README still work when followed in a copy of
// the repository. It has no API.
package repotest
