/// The result of `quotectl verify`: checks in a fixed order, each passing
/// or with its failures, and renderings for people, JUnit and GitHub.
public struct VerificationReport: Sendable, Equatable {
    /// One thing wrong, at a place of the document when there is one.
    public struct Failure: Sendable, Equatable {
        public var message: String
        public var line: Int?
        public var column: Int?
    }

    public struct Check: Sendable, Equatable {
        public var document: String
        public var name: String
        /// Line and column of the quote in the document, when there is one.
        public var line: Int?
        public var column: Int?
        public var failures: [Failure]
        public var passed: Bool { failures.isEmpty }
    }

    public var checks: [Check]

    public var failed: Int { checks.filter { !$0.passed }.count }
    public var passed: Int { checks.count - failed }

    /// A readable report: each failure with document, line:column, expected
    /// and found, then a summary line.
    public func text() -> String {
        var out = ""
        for check in checks where !check.passed {
            let place = check.line.map { ":\($0):\(check.column ?? 1)" } ?? ""
            out += "FAIL \(check.document)\(place) \(check.name)\n"
            for failure in check.failures {
                let at = failure.line != check.line ? failure.line.map { "\($0):\(failure.column ?? 1) " } ?? "" : ""
                out += "  \(at)\(failure.message)\n"
            }
        }
        out += "\(checks.count) check\(checks.count == 1 ? "" : "s"): \(passed) passed, \(failed) failed\n"
        return out
    }

    /// GitHub Actions workflow commands, one `::error` per failure.
    public func githubAnnotations() -> String {
        var out = ""
        for check in checks where !check.passed {
            for failure in check.failures {
                var properties = "file=\(Self.escapeProperty(check.document))"
                if let line = failure.line ?? check.line { properties += ",line=\(line),col=\(failure.column ?? check.column ?? 1)" }
                properties += ",title=\(Self.escapeProperty("quotectl verify: " + check.name))"
                out += "::error \(properties)::\(Self.escapeData(failure.message))\n"
            }
        }
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// JUnit XML: one test suite per document, one test case per check.
    public func junit() -> String {
        var documents: [String] = []
        for check in checks where !documents.contains(check.document) { documents.append(check.document) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"quotectl verify\" tests=\"\(checks.count)\" failures=\"\(failed)\" errors=\"0\">\n"
        for document in documents {
            let mine = checks.filter { $0.document == document }
            out += "  <testsuite name=\"\(Self.xml(document))\" tests=\"\(mine.count)\" failures=\"\(mine.filter { !$0.passed }.count)\" errors=\"0\" skipped=\"0\">\n"
            for check in mine {
                out += "    <testcase classname=\"\(Self.xml(document))\" name=\"\(Self.xml(check.name))\""
                if check.passed { out += "/>\n"; continue }
                out += ">\n"
                let lines = check.failures.map { failure in
                    (failure.line ?? check.line).map { "\(document):\($0):\(failure.column ?? check.column ?? 1): \(failure.message)" } ?? "\(document): \(failure.message)"
                }
                out += "      <failure message=\"\(Self.xml(check.failures.first?.message ?? ""))\" type=\"expectation\">\(Self.xml(lines.joined(separator: "\n")))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML text with the five special characters escaped and control characters dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
