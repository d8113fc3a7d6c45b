package assess

import (
	"reflect"
	"sync"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
)

// conditionalAnswers are the answers the form shows only under a condition,
// as the model declares it ([model.Field.When]): the answers of a body once
// its gate (« Le comité de pilotage est-il constitué ? ») is « oui », and
// those with a show-if tag. They come in declaration order, so that clearing
// an answer hides, further on, the answers that depend on it.
var conditionalAnswers = sync.OnceValue(func() []*model.Field {
	var out []*model.Field
	dossierModel().Leaves(func(f *model.Field) {
		if f.When != nil {
			out = append(out, f)
		}
	})
	return out
})

// visibleAnswers returns a copy of d without the answers to questions the form
// does not show, because the answer they depend on is not the one that shows
// them (a COPIL's members when « Le comité de pilotage est-il constitué ? » is
// not answered « oui »). The rules read only these: an answer given under a
// « non » (kept in the dossier, so that nothing typed is lost) neither meets
// nor fails a rule, and removing the « non » cannot turn a rule from « non
// respecté » into « respecté ».
func visibleAnswers(d *clsm.Dossier) *clsm.Dossier {
	cp := *d
	root := reflect.ValueOf(&cp).Elem()
	for _, f := range conditionalAnswers() {
		if !f.When.Holds(root) {
			if v, ok := f.In(root); ok {
				v.SetZero()
			}
		}
	}
	return &cp
}
