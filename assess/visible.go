package assess

import (
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
)

// visibleAnswers returns a copy of d without the answers to questions the form
// does not show, because the answer they depend on is not the one that shows
// them (a COPIL's members when « Le comité de pilotage est-il constitué ? » is
// not answered « oui »), as the model declares it ([model.Visible]: a body's
// gate, a show-if tag). The rules read only these: an answer given under a
// « non » (kept in the dossier, so that nothing typed is lost) neither meets
// nor fails a rule, and removing the « non » cannot turn a rule from « non
// respecté » into « respecté ».
func visibleAnswers(d *clsm.Dossier) *clsm.Dossier {
	v, err := model.Visible(d)
	if err != nil {
		panic(err) // the dossier's model is described by the tests
	}
	return v.(*clsm.Dossier)
}
