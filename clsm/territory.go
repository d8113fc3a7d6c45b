package clsm

// DepartmentCode is the INSEE code of a French department: "01" to "95"
// without "20", "2A" and "2B" for Corsica, and "971" to "976" (without "975")
// overseas.
type DepartmentCode string

// Department is one of the 101 French departments, with the region, and so the
// ARS (agence régionale de santé), it belongs to.
type Department struct {
	Code   DepartmentCode `json:"code"`
	Name   string         `json:"name"`
	Region string         `json:"region"` // INSEE region code
}

// Region is one of the 18 French regions. Each has its own ARS.
type Region struct {
	Code string `json:"code"` // INSEE region code
	Name string `json:"name"`
	ARS  string `json:"ars"` // the ARS's name, in French
}

var regions = []Region{
	{Code: "84", Name: "Auvergne-Rhône-Alpes", ARS: "ARS Auvergne-Rhône-Alpes"},
	{Code: "27", Name: "Bourgogne-Franche-Comté", ARS: "ARS Bourgogne-Franche-Comté"},
	{Code: "53", Name: "Bretagne", ARS: "ARS Bretagne"},
	{Code: "24", Name: "Centre-Val de Loire", ARS: "ARS Centre-Val de Loire"},
	{Code: "94", Name: "Corse", ARS: "ARS Corse"},
	{Code: "44", Name: "Grand Est", ARS: "ARS Grand Est"},
	{Code: "32", Name: "Hauts-de-France", ARS: "ARS Hauts-de-France"},
	{Code: "11", Name: "Île-de-France", ARS: "ARS Île-de-France"},
	{Code: "28", Name: "Normandie", ARS: "ARS Normandie"},
	{Code: "75", Name: "Nouvelle-Aquitaine", ARS: "ARS Nouvelle-Aquitaine"},
	{Code: "76", Name: "Occitanie", ARS: "ARS Occitanie"},
	{Code: "52", Name: "Pays de la Loire", ARS: "ARS Pays de la Loire"},
	{Code: "93", Name: "Provence-Alpes-Côte d'Azur", ARS: "ARS Provence-Alpes-Côte d'Azur"},
	{Code: "01", Name: "Guadeloupe", ARS: "ARS Guadeloupe"},
	{Code: "02", Name: "Martinique", ARS: "ARS Martinique"},
	{Code: "03", Name: "Guyane", ARS: "ARS Guyane"},
	{Code: "04", Name: "La Réunion", ARS: "ARS La Réunion"},
	{Code: "06", Name: "Mayotte", ARS: "ARS Mayotte"},
}

var departments = []Department{
	{Code: "01", Name: "Ain", Region: "84"},
	{Code: "02", Name: "Aisne", Region: "32"},
	{Code: "03", Name: "Allier", Region: "84"},
	{Code: "04", Name: "Alpes-de-Haute-Provence", Region: "93"},
	{Code: "05", Name: "Hautes-Alpes", Region: "93"},
	{Code: "06", Name: "Alpes-Maritimes", Region: "93"},
	{Code: "07", Name: "Ardèche", Region: "84"},
	{Code: "08", Name: "Ardennes", Region: "44"},
	{Code: "09", Name: "Ariège", Region: "76"},
	{Code: "10", Name: "Aube", Region: "44"},
	{Code: "11", Name: "Aude", Region: "76"},
	{Code: "12", Name: "Aveyron", Region: "76"},
	{Code: "13", Name: "Bouches-du-Rhône", Region: "93"},
	{Code: "14", Name: "Calvados", Region: "28"},
	{Code: "15", Name: "Cantal", Region: "84"},
	{Code: "16", Name: "Charente", Region: "75"},
	{Code: "17", Name: "Charente-Maritime", Region: "75"},
	{Code: "18", Name: "Cher", Region: "24"},
	{Code: "19", Name: "Corrèze", Region: "75"},
	{Code: "2A", Name: "Corse-du-Sud", Region: "94"},
	{Code: "2B", Name: "Haute-Corse", Region: "94"},
	{Code: "21", Name: "Côte-d'Or", Region: "27"},
	{Code: "22", Name: "Côtes-d'Armor", Region: "53"},
	{Code: "23", Name: "Creuse", Region: "75"},
	{Code: "24", Name: "Dordogne", Region: "75"},
	{Code: "25", Name: "Doubs", Region: "27"},
	{Code: "26", Name: "Drôme", Region: "84"},
	{Code: "27", Name: "Eure", Region: "28"},
	{Code: "28", Name: "Eure-et-Loir", Region: "24"},
	{Code: "29", Name: "Finistère", Region: "53"},
	{Code: "30", Name: "Gard", Region: "76"},
	{Code: "31", Name: "Haute-Garonne", Region: "76"},
	{Code: "32", Name: "Gers", Region: "76"},
	{Code: "33", Name: "Gironde", Region: "75"},
	{Code: "34", Name: "Hérault", Region: "76"},
	{Code: "35", Name: "Ille-et-Vilaine", Region: "53"},
	{Code: "36", Name: "Indre", Region: "24"},
	{Code: "37", Name: "Indre-et-Loire", Region: "24"},
	{Code: "38", Name: "Isère", Region: "84"},
	{Code: "39", Name: "Jura", Region: "27"},
	{Code: "40", Name: "Landes", Region: "75"},
	{Code: "41", Name: "Loir-et-Cher", Region: "24"},
	{Code: "42", Name: "Loire", Region: "84"},
	{Code: "43", Name: "Haute-Loire", Region: "84"},
	{Code: "44", Name: "Loire-Atlantique", Region: "52"},
	{Code: "45", Name: "Loiret", Region: "24"},
	{Code: "46", Name: "Lot", Region: "76"},
	{Code: "47", Name: "Lot-et-Garonne", Region: "75"},
	{Code: "48", Name: "Lozère", Region: "76"},
	{Code: "49", Name: "Maine-et-Loire", Region: "52"},
	{Code: "50", Name: "Manche", Region: "28"},
	{Code: "51", Name: "Marne", Region: "44"},
	{Code: "52", Name: "Haute-Marne", Region: "44"},
	{Code: "53", Name: "Mayenne", Region: "52"},
	{Code: "54", Name: "Meurthe-et-Moselle", Region: "44"},
	{Code: "55", Name: "Meuse", Region: "44"},
	{Code: "56", Name: "Morbihan", Region: "53"},
	{Code: "57", Name: "Moselle", Region: "44"},
	{Code: "58", Name: "Nièvre", Region: "27"},
	{Code: "59", Name: "Nord", Region: "32"},
	{Code: "60", Name: "Oise", Region: "32"},
	{Code: "61", Name: "Orne", Region: "28"},
	{Code: "62", Name: "Pas-de-Calais", Region: "32"},
	{Code: "63", Name: "Puy-de-Dôme", Region: "84"},
	{Code: "64", Name: "Pyrénées-Atlantiques", Region: "75"},
	{Code: "65", Name: "Hautes-Pyrénées", Region: "76"},
	{Code: "66", Name: "Pyrénées-Orientales", Region: "76"},
	{Code: "67", Name: "Bas-Rhin", Region: "44"},
	{Code: "68", Name: "Haut-Rhin", Region: "44"},
	{Code: "69", Name: "Rhône", Region: "84"},
	{Code: "70", Name: "Haute-Saône", Region: "27"},
	{Code: "71", Name: "Saône-et-Loire", Region: "27"},
	{Code: "72", Name: "Sarthe", Region: "52"},
	{Code: "73", Name: "Savoie", Region: "84"},
	{Code: "74", Name: "Haute-Savoie", Region: "84"},
	{Code: "75", Name: "Paris", Region: "11"},
	{Code: "76", Name: "Seine-Maritime", Region: "28"},
	{Code: "77", Name: "Seine-et-Marne", Region: "11"},
	{Code: "78", Name: "Yvelines", Region: "11"},
	{Code: "79", Name: "Deux-Sèvres", Region: "75"},
	{Code: "80", Name: "Somme", Region: "32"},
	{Code: "81", Name: "Tarn", Region: "76"},
	{Code: "82", Name: "Tarn-et-Garonne", Region: "76"},
	{Code: "83", Name: "Var", Region: "93"},
	{Code: "84", Name: "Vaucluse", Region: "93"},
	{Code: "85", Name: "Vendée", Region: "52"},
	{Code: "86", Name: "Vienne", Region: "75"},
	{Code: "87", Name: "Haute-Vienne", Region: "75"},
	{Code: "88", Name: "Vosges", Region: "44"},
	{Code: "89", Name: "Yonne", Region: "27"},
	{Code: "90", Name: "Territoire de Belfort", Region: "27"},
	{Code: "91", Name: "Essonne", Region: "11"},
	{Code: "92", Name: "Hauts-de-Seine", Region: "11"},
	{Code: "93", Name: "Seine-Saint-Denis", Region: "11"},
	{Code: "94", Name: "Val-de-Marne", Region: "11"},
	{Code: "95", Name: "Val-d'Oise", Region: "11"},
	{Code: "971", Name: "Guadeloupe", Region: "01"},
	{Code: "972", Name: "Martinique", Region: "02"},
	{Code: "973", Name: "Guyane", Region: "03"},
	{Code: "974", Name: "La Réunion", Region: "04"},
	{Code: "976", Name: "Mayotte", Region: "06"},
}

var (
	departmentIndex = func() map[DepartmentCode]int {
		m := make(map[DepartmentCode]int, len(departments))
		for i, d := range departments {
			m[d.Code] = i
		}
		return m
	}()
	regionIndex = func() map[string]int {
		m := make(map[string]int, len(regions))
		for i, r := range regions {
			m[r.Code] = i
		}
		return m
	}()
)

// Departments returns the 101 departments in INSEE order. The slice is a copy.
func Departments() []Department { return append([]Department(nil), departments...) }

// Regions returns the 18 regions. The slice is a copy.
func Regions() []Region { return append([]Region(nil), regions...) }

// LookupDepartment returns the department with the given code.
func LookupDepartment(code DepartmentCode) (Department, bool) {
	i, ok := departmentIndex[code]
	if !ok {
		return Department{}, false
	}
	return departments[i], true
}

// LookupRegion returns the region with the given INSEE code.
func LookupRegion(code string) (Region, bool) {
	i, ok := regionIndex[code]
	if !ok {
		return Region{}, false
	}
	return regions[i], true
}

// Valid reports whether c is the code of one of the 101 departments.
func (c DepartmentCode) Valid() bool { _, ok := departmentIndex[c]; return ok }

// Region returns the region the department belongs to; ok is false for an
// unknown code.
func (c DepartmentCode) Region() (r Region, ok bool) {
	d, ok := LookupDepartment(c)
	if !ok {
		return Region{}, false
	}
	return LookupRegion(d.Region)
}

// Options lists the 101 departments as "code — name", so the department is
// offered like any other enumeration.
func (DepartmentCode) Options() []Option { return departmentOptions }

// Label returns "code — name", or the raw code if it is unknown.
func (c DepartmentCode) Label() string { return optionLabel(departmentOptions, string(c)) }

var departmentOptions = func() []Option {
	opts := make([]Option, len(departments))
	for i, d := range departments {
		opts[i] = Option{Value: string(d.Code), Label: string(d.Code) + " — " + d.Name}
	}
	return opts
}()

// DepartmentOfCommune returns the department of an INSEE commune code: its first
// three characters overseas ("97…"), its first two elsewhere. ok is false when
// the code is not well formed or its department does not exist.
func DepartmentOfCommune(code CommuneCode) (DepartmentCode, bool) {
	if !code.Valid() {
		return "", false
	}
	d := DepartmentCode(code[:2])
	if d == "97" {
		d = DepartmentCode(code[:3])
	}
	return d, d.Valid()
}
