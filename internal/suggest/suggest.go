// Package suggest finds, among known names, the one a mistyped name was
// probably meant to be: the command-line tools' options and the checks of a
// referential's rules use it to say « vouliez-vous dire… ».
package suggest

// Nearest returns the candidate nearest to s when it is near enough to be a
// typing slip: at most one edit for a short word, two for a longer one (an
// edit is a letter added, removed, changed, or two neighbours swapped).
func Nearest(s string, candidates []string) (string, bool) {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := EditDistance(s, c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 1
	if len([]rune(s)) > 4 {
		limit = 2
	}
	return best, bestDist > 0 && bestDist <= limit
}

// EditDistance is the optimal string alignment distance between a and b,
// counted in runes.
func EditDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
