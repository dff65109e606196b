import Foundation

/// The tests' own integer arithmetic on decimal text from CMS files, independent of the guide's `DecimalValue`.
public enum FixedPoint {
    /// "0.57" → 57 (hundredths), "33.4009" → 334009 (ten-thousandths).
    public static func fixed(_ s: Substring, _ places: Int) -> Int {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let frac = parts.count > 1 ? String(parts[1]) : ""
        return Int(parts[0])! * Int(pow(10, Double(places))) + Int(frac.padding(toLength: places, withPad: "0", startingAt: 0))!
    }

    /// 5277 → "52.77".
    public static func money(_ cents: Int) -> String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }
}
