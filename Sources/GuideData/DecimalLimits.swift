import SiteContent
import CodingRules
import Foundation

/// How many digits a kind of loaded number may have before and after the point. Every money, RVU, GPCI,
/// conversion-factor and percentage value is checked against its limits when it is loaded, so the exact
/// arithmetic in `CodingRules` never meets a value far outside what CMS publishes (RVUs with 2 decimals under
/// 100, GPCIs with 3 decimals near 1, conversion factors with 4 decimals near 33, money in cents).
/// Trailing zeros after the point do not count (`32.346500000000` is `32.3465`).
public struct DecimalLimits: Sendable {
    public var integerDigits: Int
    public var fractionDigits: Int
    public var what: String

    public static let rvu = DecimalLimits(integerDigits: 3, fractionDigits: 4, what: "an RVU")
    public static let gpci = DecimalLimits(integerDigits: 2, fractionDigits: 4, what: "a GPCI")
    public static let conversionFactor = DecimalLimits(integerDigits: 4, fractionDigits: 4, what: "a conversion factor")
    public static let money = DecimalLimits(integerDigits: 7, fractionDigits: 2, what: "a dollar amount")
    public static let percent = DecimalLimits(integerDigits: 3, fractionDigits: 4, what: "a percentage")

    /// The value, with trailing zeros beyond `fractionDigits` dropped, or the reason it is out of bounds.
    public func check(_ v: DecimalValue) -> Result<DecimalValue, LimitFailure> {
        if v.integerDigits > integerDigits {
            return .failure(LimitFailure(message: "is too large for \(what): at most \(integerDigits) digit\(integerDigits == 1 ? "" : "s") before the point"))
        }
        if v.significantFractionDigits > fractionDigits {
            return .failure(LimitFailure(message: "has too many decimals for \(what): at most \(fractionDigits) after the point"))
        }
        return .success(v.scale > fractionDigits ? v.rounded(toPlaces: fractionDigits) : v)
    }

    /// Parses text and checks it; the failure message describes what is wrong with the text.
    public func parse(_ text: String) -> Result<DecimalValue, LimitFailure> {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let v = DecimalValue(parsing: t) else {
            let digits = t.filter { $0.isASCII && $0.isNumber }.count
            if YAMLNode.isDecimal(t) && digits > 0 {
                return .failure(LimitFailure(message: "has too many digits for \(what)"))
            }
            return .failure(LimitFailure(message: "is not a decimal number"))
        }
        return check(v)
    }
}

public struct LimitFailure: Error, Sendable {
    public var message: String
}

