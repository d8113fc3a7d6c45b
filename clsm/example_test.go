package clsm_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
)

func ExampleParse() {
	d, err := clsm.Parse([]byte(`{
		"schemaVersion": 1,
		"name": "CLSM de Rodez",
		"stage": "project",
		"territory": {"department": "12", "communes": ["12202"]},
		"governance": {"psychiatryCoLeads": true}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	region, _ := d.Territory.Department.Region()
	fmt.Println(d.Name, "—", d.Stage.Label())
	fmt.Println(region.ARS)
	// Unanswered is not "no": the question was simply not answered.
	fmt.Println("convention renseignée :", d.Governance.Convention != nil)
	// Output:
	// CLSM de Rodez — En projet (démarche engagée, instances pas encore constituées)
	// ARS Occitanie
	// convention renseignée : false
}

func ExampleParse_problems() {
	_, err := clsm.Parse([]byte(`{
		"schemaVersion": 1,
		"territory": {"communes": ["75000"]},
		"coordinator": {"ftee": 0.5}
	}`))
	var ps clsm.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Println(p.Code, p.Path)
		}
	}
	// Output:
	// unknown_field /coordinator/ftee
	// insee /territory/communes/0
}

func ExampleDossier_Validate() {
	fte := 4.0
	d := clsm.Dossier{SchemaVersion: clsm.SchemaVersion}
	d.Coordinator.FTE = &fte
	d.Territory.Communes = []clsm.CommuneCode{"75000"}
	err := d.Validate()
	for _, p := range err.(clsm.Problems) {
		fmt.Println(p.Code, p.Path, strings.Contains(p.Message, "code postal") || strings.Contains(p.Message, "au plus 3"))
	}
	// Output:
	// insee /territory/communes/0 true
	// lte /coordinator/fte true
}
