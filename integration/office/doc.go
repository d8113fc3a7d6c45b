// Package office opens the documents package's OpenDocument texts in a real
// LibreOffice (Debian's libreoffice-writer-nogui, headless): every document
// of the example dossiers and of scenarios kept out of the package's own
// tests is converted to text and to PDF, and the text must hold the
// dossier's figures and every place « À rédiger par le CLSM ». It lives in
// the nested integration module, beside the other tests that run a program
// of the machine.
package office
