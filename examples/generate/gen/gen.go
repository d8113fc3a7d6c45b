// Package gen generates sets of fictional CLSM dossiers, seeded and
// deterministic: the same seed and count give the same files, byte for byte,
// on every machine. They exercise the regional view at scale (issue 13):
// departments of every region, every stage, answers given, refused or left
// blank, and a few files that are not valid dossiers.
package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/clsmkit/go-clsm/clsm"
)

// InvalidEvery is the period of the invalid files: file i is invalid when
// i % InvalidEvery == InvalidEvery-1 (so 10 in 1 000).
const InvalidEvery = 100

// FileName is the name of the i-th generated file.
func FileName(i int) string { return fmt.Sprintf("clsm-%04d.json", i) }

// Dossiers returns n files by name (see [FileName]): valid dossiers, with a
// few invalid or unreadable files among them (see [InvalidEvery]).
func Dossiers(seed uint64, n int) map[string][]byte {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	depts := clsm.Departments()
	out := make(map[string][]byte, n)
	for i := range n {
		name := FileName(i)
		if i%InvalidEvery == InvalidEvery-1 {
			out[name] = invalid(i / InvalidEvery)
			continue
		}
		d := dossier(rng, depts, i)
		data, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			panic(err) // a Dossier always encodes
		}
		out[name] = data
	}
	return out
}

// invalid returns one of the kinds of broken files an ARS receives.
func invalid(k int) []byte {
	switch k % 4 {
	case 0:
		return []byte(`{"schemaVersion": 2, "name": "CLSM tronqué", "stage": "act`)
	case 1:
		return []byte(`{"schemaVersion": 2, "name": "CLSM au stade inconnu", "stage": "actif"}`)
	case 2:
		return []byte(`{"schemaVersion": 2, "name": "CLSM trop financé", "coordinator": {"exists": true, "funders": [{"kind": "ars", "share": 80}, {"kind": "collectivity", "share": 60}]}}`)
	}
	return []byte(`Compte rendu de la réunion du COPIL (fichier Word enregistré sous un mauvais nom)`)
}

// answer is a yes/no answer: yes with probability p, blank with probability
// blank, no otherwise.
func answer(rng *rand.Rand, p, blank float64) *bool {
	x := rng.Float64()
	switch {
	case x < blank:
		return nil
	case x < blank+(1-blank)*p:
		return new(true)
	}
	return new(false)
}

func pick[T ~string](rng *rand.Rand, opts []clsm.Option) T {
	return T(opts[rng.IntN(len(opts))].Value)
}

func date(rng *rand.Rand, fromYear, years int) clsm.Date {
	return clsm.Date(fmt.Sprintf("%04d-%02d-%02d", fromYear+rng.IntN(years), 1+rng.IntN(12), 1+rng.IntN(28)))
}

// dossier builds the i-th valid dossier. Later stages answer more, and more
// often « oui »; about one dossier in ten leaves most questions blank.
func dossier(rng *rand.Rand, depts []clsm.Department, i int) *clsm.Dossier {
	dept := depts[rng.IntN(len(depts))]
	stages := []clsm.Stage{clsm.StageProject, clsm.StageConstitution, clsm.StageActive, clsm.StageActive, ""}
	stage := stages[rng.IntN(len(stages))]
	maturity := map[clsm.Stage]float64{clsm.StageProject: 0.45, clsm.StageConstitution: 0.65, clsm.StageActive: 0.8, "": 0.5}[stage]
	blank := 0.15
	if rng.IntN(10) == 0 {
		blank = 0.8
	}
	yes := func() *bool { return answer(rng, maturity, blank) }
	d := &clsm.Dossier{
		SchemaVersion: clsm.SchemaVersion,
		Name:          fmt.Sprintf("CLSM %s n° %d (exemple généré)", dept.Name, i),
		Stage:         stage,
		Carrier:       pick[clsm.CarrierKind](rng, clsm.CarrierKind("").Options()),
		Territory: clsm.Territory{
			Scale:      pick[clsm.Scale](rng, clsm.Scale("").Options()),
			Department: dept.Code,
			CoversQPV:  answer(rng, 0.8, blank),
		},
		Governance: clsm.Governance{
			President:         clsm.President{Role: pick[clsm.PresidentRole](rng, clsm.PresidentRole("").Options())},
			PsychiatryCoLeads: yes(),
			Convention:        yes(),
			UsersFromStart:    yes(),
			CarersFromStart:   yes(),
		},
		Copil:         clsm.Copil{Exists: yes(), RulesOfProcedure: yes(), Roadmap: yes()},
		Plenary:       clsm.Plenary{Exists: yes(), DiagnosticPresented: yes(), ReviewsAction: yes()},
		Complex:       clsm.ComplexSituationsCell{Exists: yes(), EthicalCharter: yes(), DeontologicalRules: yes()},
		Diagnostic:    clsm.Diagnostic{Done: yes()},
		ActionPlan:    clsm.ActionPlan{Adopted: yes()},
		Communication: clsm.Communication{AboutCLSM: yes(), ToCitizens: yes(), SISM: yes()},
	}
	if rng.Float64() < 0.3 {
		d.Name = "" // nameless dossiers exist
	}
	if q := d.Territory.CoversQPV; q != nil && *q {
		n := 1 + rng.IntN(8)
		d.Territory.QPVCount = &n
	}
	if rng.Float64() > blank {
		pop := 5000 + rng.IntN(300000)
		d.Territory.Population = &pop
	}
	arts := clsm.Articulation("").Options()
	if rng.Float64() > blank {
		d.Articulations.CLS = pick[clsm.Articulation](rng, arts)
		d.Articulations.ASV = pick[clsm.Articulation](rng, arts)
		d.Articulations.CityContract = pick[clsm.Articulation](rng, arts)
		d.Articulations.PTSM = pick[clsm.Articulation](rng, arts)
	}
	if c := d.Copil.Exists; c != nil && *c {
		cats := clsm.MemberCategory("").Options()
		for range 3 + rng.IntN(10) {
			d.Copil.Members = append(d.Copil.Members, clsm.Member{Category: pick[clsm.MemberCategory](rng, cats)})
		}
		for range rng.IntN(4) {
			d.Copil.Meetings = append(d.Copil.Meetings, date(rng, 2025, 2))
		}
	}
	if p := d.Plenary.Exists; p != nil && *p {
		for range rng.IntN(3) {
			d.Plenary.Meetings = append(d.Plenary.Meetings, date(rng, 2025, 2))
		}
	}
	if rng.Float64() > blank {
		themes := clsm.Theme("").Options()
		objs := clsm.StrategicObjective("").Options()
		d.WorkingGroups = []clsm.WorkingGroup{}
		for range rng.IntN(5) {
			d.WorkingGroups = append(d.WorkingGroups, clsm.WorkingGroup{
				Theme:      pick[clsm.Theme](rng, themes),
				Objectives: []clsm.StrategicObjective{pick[clsm.StrategicObjective](rng, objs)},
			})
		}
	}
	d.Coordinator.Exists = answer(rng, maturity+0.1, blank)
	if c := d.Coordinator.Exists; c != nil && *c {
		if rng.Float64() > blank {
			fte := []float64{0.2, 0.3, 0.4, 0.5, 0.5, 0.6, 0.8, 1, 1, 1.5}[rng.IntN(10)]
			d.Coordinator.FTE = &fte
		}
		d.Coordinator.Employer = pick[clsm.EmployerKind](rng, clsm.EmployerKind("").Options())
		d.Coordinator.StartedOn = date(rng, 2018, 8)
		if rng.Float64() > blank {
			kinds := clsm.FunderKind("").Options()
			switch rng.IntN(3) {
			case 0:
				d.Coordinator.Funders = []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: new(100.0)}}
			case 1:
				d.Coordinator.Funders = []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: new(50.0)}, {Kind: clsm.FunderARS, Share: new(50.0)}}
			default:
				k := pick[clsm.FunderKind](rng, kinds)
				if k == clsm.FunderARS || k == clsm.FunderCollectivity {
					k = clsm.FunderHospital
				}
				d.Coordinator.Funders = []clsm.Funder{{Kind: clsm.FunderARS, Share: new(40.0)}, {Kind: clsm.FunderCollectivity, Share: new(40.0)}, {Kind: k, Share: new(20.0)}}
			}
		}
	}
	if d.Diagnostic.Done != nil && *d.Diagnostic.Done {
		d.Diagnostic.CompletedOn = date(rng, 2019, 7)
	}
	if a := d.ActionPlan.Adopted; a != nil && *a {
		objs := clsm.StrategicObjective("").Options()
		d.ActionPlan.Actions = []clsm.Action{}
		for k := range rng.IntN(6) {
			d.ActionPlan.Actions = append(d.ActionPlan.Actions, clsm.Action{
				Title:      fmt.Sprintf("Action %d", k+1),
				Objectives: []clsm.StrategicObjective{pick[clsm.StrategicObjective](rng, objs)},
				QPV:        answer(rng, 0.3, 0.2),
			})
		}
	}
	if rng.Float64() > blank {
		d.Evaluation.LastAnnualReport = date(rng, 2023, 4)
	}
	return d
}
