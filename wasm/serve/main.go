// Command serve builds the browser checkers (the form's and the complete
// one) with the Go toolchain in use and serves the self-assessment form on
// 127.0.0.1, or writes the static site an ARS deploys.
//
//	go run ./wasm/serve              # construit et sert le formulaire, affiche l'adresse
//	go run ./wasm/serve -addr 127.0.0.1:9000
//	go run ./wasm/serve -out site/   # écrit le site statique à déployer
//	go run ./wasm/serve -demo        # ajoute les pages de démonstration d'un site d'ARS sous /demo/
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm/site"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "adresse d'écoute (127.0.0.1 : le formulaire n'est visible que de cet ordinateur)")
	out := flag.String("out", "", "écrire le site statique dans ce dossier, sans le servir")
	demo := flag.Bool("demo", false, "ajouter les pages de démonstration d'un site d'ARS sous /demo/")
	flag.Parse()
	if err := run(*addr, *out, *demo); err != nil {
		fmt.Fprintln(os.Stderr, "serve :", err)
		os.Exit(1)
	}
}

func run(addr, out string, demo bool) error {
	build := func(dir string) error {
		if err := site.BuildSite(dir); err != nil {
			return err
		}
		if demo {
			pages, err := fs.Sub(examples.ARSSite, "ars-site")
			if err != nil {
				return err
			}
			ref, _ := examples.Referential("aveyron-exemple")
			return site.AddDemo(dir, pages, ref)
		}
		return nil
	}
	if out != "" {
		if err := build(out); err != nil {
			return err
		}
		fmt.Printf("Site écrit dans %s : déposez ces fichiers sur votre serveur (voir le README pour la politique de sécurité du contenu).\n", out)
		return nil
	}
	dir, err := os.MkdirTemp("", "clsm-site-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Println("Compilation du vérificateur…")
	if err := build(dir); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		// The port is taken: let the system choose one on the same host.
		host, _, _ := net.SplitHostPort(addr)
		if ln, err = net.Listen("tcp", net.JoinHostPort(host, "0")); err != nil {
			return err
		}
	}
	srv := &http.Server{Handler: site.Handler(dir), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("Formulaire d'auto-évaluation : http://%s/\n", ln.Addr())
	if demo {
		fmt.Printf("Démonstration d'un site d'ARS : http://%s/demo/ (API : http://%s/demo/api.html)\n", ln.Addr(), ln.Addr())
	}
	fmt.Println("(Ctrl+C pour arrêter)")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
