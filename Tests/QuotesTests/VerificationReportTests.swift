import Testing
@testable import Quotes

@Suite struct VerificationReportTests {
    typealias Check = VerificationReport.Check
    typealias Failure = VerificationReport.Failure

    @Test("GitHub annotations: %, CR and LF escaped in the message; also : and , in properties; no line when there is none", arguments: [
        (Check(document: "a, b.txt", name: "quote «Oui: non»", line: 3, column: 2,
               failures: [Failure(message: "100% sûr\r\nligne 2", line: 3, column: 2)]),
         "::error file=a%2C b.txt,line=3,col=2,title=quotectl verify%3A quote «Oui%3A non»::100%25 sûr%0D%0Aligne 2\n"),
        (Check(document: "a.txt", name: "quote «Oui»", line: nil, column: nil,
               failures: [Failure(message: "no quote found for «Oui»", line: nil, column: nil)]),
         "::error file=a.txt,title=quotectl verify%3A quote «Oui»::no quote found for «Oui»\n"),
        (Check(document: "a.txt", name: "policy require_speaker", line: 1, column: 1, failures: []), ""),
    ])
    func github(check: Check, annotation: String) {
        #expect(VerificationReport(checks: [check]).githubAnnotations() == annotation)
    }
}
