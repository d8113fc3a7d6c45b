// The documented custom format "siren": nine digits whose Luhn sum is a
// multiple of 10. Written here apart from the Go code on purpose.
export function siren(s) {
  if (!/^[0-9]{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = s.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
