package clsm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
)

func TestDepartments(t *testing.T) {
	deps := clsm.Departments()
	require.Len(t, deps, 101)
	perRegion := map[string]int{}
	seen := map[clsm.DepartmentCode]bool{}
	for _, d := range deps {
		assert.False(t, seen[d.Code], "duplicate %s", d.Code)
		seen[d.Code] = true
		r, ok := d.Code.Region()
		require.True(t, ok, "department %s has no region", d.Code)
		assert.Equal(t, "ARS "+r.Name, r.ARS)
		perRegion[r.Name]++
	}
	assert.Equal(t, map[string]int{
		"Auvergne-Rhône-Alpes": 12, "Bourgogne-Franche-Comté": 8, "Bretagne": 4,
		"Centre-Val de Loire": 6, "Corse": 2, "Grand Est": 10, "Hauts-de-France": 5,
		"Île-de-France": 8, "Normandie": 5, "Nouvelle-Aquitaine": 12, "Occitanie": 13,
		"Pays de la Loire": 5, "Provence-Alpes-Côte d'Azur": 6, "Guadeloupe": 1,
		"Martinique": 1, "Guyane": 1, "La Réunion": 1, "Mayotte": 1,
	}, perRegion)
	assert.Len(t, clsm.Regions(), 18)
}

func TestDepartmentLookups(t *testing.T) {
	tests := []struct {
		code   clsm.DepartmentCode
		region string
		ok     bool
		reason string
	}{
		{"12", "Occitanie", true, "Aveyron"},
		{"2A", "Corse", true, "Corse-du-Sud"},
		{"2B", "Corse", true, "Haute-Corse"},
		{"93", "Île-de-France", true, "Seine-Saint-Denis"},
		{"976", "Mayotte", true, "overseas, three characters"},
		{"20", "", false, "Corsica has been split since 1976"},
		{"975", "", false, "Saint-Pierre-et-Miquelon is not a department"},
		{"96", "", false, "no such department"},
		{"1", "", false, "codes have two characters"},
		{"", "", false, "empty"},
	}
	for _, tt := range tests {
		r, ok := tt.code.Region()
		assert.Equal(t, tt.ok, ok, tt.reason)
		assert.Equal(t, tt.region, r.Name, tt.reason)
		assert.Equal(t, tt.ok, tt.code.Valid(), tt.reason)
	}
}

func TestDepartmentOfCommune(t *testing.T) {
	tests := []struct {
		commune clsm.CommuneCode
		want    clsm.DepartmentCode
		ok      bool
		reason  string
	}{
		{"12202", "12", true, "Rodez"},
		{"2A004", "2A", true, "Ajaccio"},
		{"2B033", "2B", true, "Bastia"},
		{"97411", "974", true, "Saint-Denis de La Réunion"},
		{"97611", "976", true, "Mamoudzou"},
		{"75000", "", false, "a postal code, not an INSEE code"},
		{"20004", "", false, "department 20 does not exist"},
		{"97501", "", false, "975 is not a department"},
		{"1220", "", false, "four characters"},
	}
	for _, tt := range tests {
		got, ok := clsm.DepartmentOfCommune(tt.commune)
		assert.Equal(t, tt.ok, ok, tt.reason)
		if ok {
			assert.Equal(t, tt.want, got, tt.reason)
		}
	}
}

func TestFormats(t *testing.T) {
	sirens := []struct {
		s      clsm.SIREN
		ok     bool
		reason string
	}{
		{"200093201", true, "a metropole's SIREN"},
		{"241200187", true, "an agglomeration's SIREN"},
		{"200093202", false, "wrong check digit"},
		{"20009320", false, "eight digits"},
		{"2000932011", false, "ten digits"},
		{"20009320A", false, "a letter"},
		{"", false, "empty"},
	}
	for _, tt := range sirens {
		assert.Equal(t, tt.ok, tt.s.Valid(), tt.reason)
	}
	dates := []struct {
		d      clsm.Date
		ok     bool
		reason string
	}{
		{"2026-11-22", true, "a day"},
		{"2024-02-29", true, "leap day"},
		{"2025-02-29", false, "not a leap year"},
		{"2025-13-01", false, "month 13"},
		{"22/11/2026", false, "French writing"},
		{"2026-11-22T10:00:00Z", false, "a time, not a day"},
		{"", false, "empty"},
	}
	for _, tt := range dates {
		assert.Equal(t, tt.ok, tt.d.Valid(), tt.reason)
	}
}
