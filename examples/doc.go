// Package examples holds example CLSM dossiers and runnable programs that use
// the library.
//
// The dossiers in dossiers/ are fictional, built from public descriptions of
// real CLSM, with real INSEE codes and departments:
//
//   - occitanie-rodez-en-projet.json: a commune's CLSM in project stage in
//     Occitanie, inside a contrat local de santé;
//   - gers-rural-intercommunal.json: a rural intercommunal CLSM being set up,
//     with no public psychiatry on its territory;
//   - hauts-de-france-roubaix-actif.json: an active city CLSM with a
//     complex-situations cell and SISM actions;
//   - ile-de-france-montreuil-actif.json: an active Île-de-France CLSM, in a
//     CLS and a contrat de ville, with an atelier santé ville.
//
// The referentials in referentials/ show how an ARS writes its own rules:
// aveyron-exemple.json asks for three COPIL meetings a year, drops a rule of
// the Occitanie referential and cites its own document.
package examples

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed dossiers/*.json
var dossiers embed.FS

//go:embed referentials/*.json
var referentials embed.FS

// ARSSite holds the demonstration pages of an ARS site (in ars-site/): a mock
// ARS page that embeds two <clsm-autoevaluation> elements beside its own
// content and aggressive CSS, a page whose referential URL is broken, and a
// page that uses the ES module API with its own minimal interface. The serve
// command's -demo flag publishes them under /demo/.
//
//go:embed ars-site
var ARSSite embed.FS

// Referential returns the JSON of the example referential with the given name
// (the file name without ".json").
func Referential(name string) (data []byte, ok bool) {
	data, err := referentials.ReadFile("referentials/" + name + ".json")
	return data, err == nil
}

// Dossier returns the JSON of the example dossier with the given name (the
// file name without ".json"); ok is false for an unknown name.
func Dossier(name string) (data []byte, ok bool) {
	data, err := dossiers.ReadFile("dossiers/" + name + ".json")
	return data, err == nil
}

// DossierNames lists the names of the example dossiers, sorted.
func DossierNames() []string {
	entries, _ := fs.ReadDir(dossiers, "dossiers")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}
