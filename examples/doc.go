// Package examples holds example CLSM dossiers (in dossiers/) and runnable
// programs that use the library.
package examples
