package labels

import (
	"strings"
	"testing"
)

// TestDevicesAreTheArticulations: every articulation of the dossier has its
// phrase for an absence, and nothing else does.
func TestDevicesAreTheArticulations(t *testing.T) {
	if len(devices) != len(schemeOptions) {
		t.Fatalf("%d devices for %d articulations", len(devices), len(schemeOptions))
	}
	for _, o := range schemeOptions {
		d, ok := devices[o.Value]
		if !ok {
			t.Errorf("articulation %s has no device phrase", o.Value)
			continue
		}
		if !strings.HasPrefix(d.none, "aucun ") && !strings.HasPrefix(d.none, "aucune ") {
			t.Errorf("%s: %q does not say there is none", o.Value, d.none)
		}
		if _, ok := deviceAt(articulationsPrefix + o.Value); !ok {
			t.Errorf("%s is not read as a device", o.Value)
		}
	}
	if _, ok := deviceAt("/articulations/consultedOnPTSM"); ok {
		t.Error("a yes/no question about the PTSM is not a device's presence")
	}
}
