import Dispatch

/// How long each stage of a build took (`ctsguide build --timings`). Never written into the site.
public struct BuildTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
    }
    public var stages: [Stage] = []

    package init() {}

    package mutating func add(_ name: String, since start: DispatchTime) {
        stages.append(Stage(name: name, seconds: Self.seconds(start, DispatchTime.now())))
    }

    package static func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double {
        Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9
    }
}
