package wellformed

// OracleDecode is the strict decoder as it was before the one-pass one (see
// oracle_test.go), for the differential tests of package wellformed_test,
// which can import clsm and labels.
var OracleDecode = oracleDecode
