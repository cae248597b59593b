import Foundation
import Quotes

/// Runs a program to completion with its output thrown away and reports its
/// wall time and peak resident memory (`wait4`'s `ru_maxrss`): how the
/// benchmark measures `quotectl` as people run it, one process per run.
///
/// ```swift
/// let run = try ChildProcess.run("/usr/bin/true", [])
/// run.status        // 0
/// run.peakRSSBytes  // a few hundred kB
/// ```
public enum ChildProcess {
    public struct Run: Sendable {
        public var status: Int32
        public var seconds: Double
        /// User and system CPU time: unlike wall time, barely moved by other load on the machine.
        public var cpuSeconds: Double
        public var peakRSSBytes: Int
    }

    /// Runs `executable` with `arguments`; standard input and output are
    /// /dev/null, standard error is inherited.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = ContinuousClock.now - start
        // WIFEXITED / WEXITSTATUS, spelled out (they are macros).
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Run(status: exitStatus, seconds: elapsed.seconds, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                   peakRSSBytes: Int(usage.ru_maxrss) * 1024)
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
