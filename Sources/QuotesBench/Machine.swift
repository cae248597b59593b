import Foundation
import Quotes

/// The machine a benchmark ran on, for the record next to its figures.
///
/// ```swift
/// Machine.current.summary   // "Intel(R) Xeon(R) …, 2 cores, 23.5 GB, Linux 6.1, ICU 72.1"
/// ```
public struct Machine: Sendable {
    public var cpu: String
    public var cores: Int
    public var memoryBytes: UInt64
    public var system: String
    public var icu: String

    public static var current: Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return Machine(cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                       memoryBytes: ProcessInfo.processInfo.physicalMemory,
                       system: "\(field(name.sysname)) \(field(name.release)) \(field(name.machine))",
                       icu: ICUError.libraryVersion)
    }

    /// The 1-minute load average when asked (`/proc/loadavg`): above 0.5 or
    /// so, other programs share the cores and wall times run long.
    public static var loadAverage: Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }

    public var summary: String {
        "\(cpu), \(cores) core\(cores == 1 ? "" : "s"), \(String(format: "%.1f", Double(memoryBytes) / 1e9)) GB, \(system), ICU \(icu)"
    }
}
