import Foundation
import QuotesStress

// pathological CASE COUNT: writes PathologicalInput CASE with COUNT units to standard output.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let kind = PathologicalInput(rawValue: arguments.first!), let count = Int(arguments.last!), count >= 0 else {
    FileHandle.standardError.write(Data("usage: pathological CASE COUNT\ncases: \(PathologicalInput.allCases.map(\.rawValue).joined(separator: " "))\n".utf8))
    exit(2)
}
FileHandle.standardOutput.write(Data(kind.document(count: count)))
