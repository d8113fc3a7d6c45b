// Package readfile reads the files the example commands are given and says in
// French why one could not be read: the system's own messages are English
// and are not shown.
package readfile

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/clsmkit/go-clsm/clsm"
)

// ErrIsDir is what Read returns for a directory.
var ErrIsDir = errors.New("is a directory")

// Read reads at most clsm.MaxSize+1 bytes of a file (one byte more than a
// document may have, so that the reader can say it is too large).
func Read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, ErrIsDir
	}
	return io.ReadAll(io.LimitReader(f, clsm.MaxSize+1))
}

// Reason says in French why a file could not be read.
func Reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "ce fichier n'existe pas"
	case errors.Is(err, fs.ErrPermission):
		return "vous n'avez pas le droit de le lire"
	case errors.Is(err, ErrIsDir):
		return "c'est un répertoire, pas un fichier"
	}
	return "erreur du système lors de la lecture"
}
