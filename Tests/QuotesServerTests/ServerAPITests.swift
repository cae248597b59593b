import Foundation
import Testing

/// `quotectl serve` over a real socket: answers, limits and errors.
@Suite(.serialized) struct ServerAPITests {
    /// One server for the requests that leave it as it was.
    static let server: ServerProcess? = try? ServerProcess(["--body-limit", "200000"])

    func server() throws -> ServerProcess { try #require(Self.server, "quotectl-serve did not start") }

    @Test("text/plain gives the bytes of `quotectl extract --format json -`")
    func plainText() throws {
        let reply = try server().request("POST", "/v1/extract", type: "text/plain; charset=utf-8", body: try Fixture.seed)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "application/json")
        let cli = try Fixture.quotectl(["extract", "--format", "json", "-"], stdin: try Fixture.seed)
        #expect(reply.body == cli.stdout)
        #expect(reply.text.contains("\"speaker\":\"Mevlut Cavusoglu\""))
    }

    @Test("application/json gives the bytes of `extract --input jsonl --format json`")
    func json() throws {
        let body = Array(#"{"id": "conseil", "text": "«Le budget est voté», a annoncé Mme Anne Vidal."}"#.utf8)
        let reply = try server().request("POST", "/v1/extract", type: "application/json", body: body)
        #expect(reply.status == 200)
        #expect(reply.body == (try Fixture.quotectl(["extract", "--input", "jsonl", "--format", "json", "-"], stdin: body)).stdout)
        #expect(reply.text.contains("\"doc\":\"conseil\""))
    }

    @Test("application/x-ndjson gives the bytes of `extract --input jsonl --format jsonl`, error records included")
    func ndjson() throws {
        let body = Array((#"{"id": "a", "text": "«Nous tiendrons», a dit Mme Anne Vidal."}"# + "\nnot json\n" + #"{"id": 3, "text": "x"}"# + "\n\n"
                          + #"{"text": "Selon Paul Roux, le port rouvrira lundi."}"# + "\n").utf8)
        let reply = try server().request("POST", "/v1/extract", type: "application/x-ndjson", body: body)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "application/x-ndjson")
        #expect(reply.body == (try Fixture.quotectl(["extract", "--input", "jsonl", "--format", "jsonl", "-"], stdin: body)).stdout)
        #expect(reply.text.contains(#"{"doc":"-:2","error":"malformed JSON"}"#))
        #expect(reply.text.contains(#"{"doc":"-:3","error":"\"id\" must be a string"}"#))
        #expect(reply.text.contains(#""doc":"-:5""#))
    }

    @Test("POST /v1/report gives the page of `quotectl report`, with a way back to the form")
    func report() throws {
        let reply = try server().request("POST", "/v1/report?id=Corpus/articles/sotchi-2020-12.txt", type: "text/plain", body: try Fixture.seed)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        let cli = try Fixture.quotectl(["report", Fixture.seedPath], stdin: [])
        let page = reply.text
        #expect(page.replacingOccurrences(of: "<p><a class=\"back\" href=\"/\">← Another article</a></p>\n", with: "") == String(decoding: cli.stdout, as: UTF8.self))
    }

    @Test("an HTML form posts the article; the page escapes it")
    func form() throws {
        let form = "id=essai&text=%C2%ABNous+tiendrons+%3Cscript%3Ealert(1)%3C%2Fscript%3E%C2%BB%2C+a+dit+Mme+Anne+Vidal."
        let reply = try server().request("POST", "/v1/report", type: "application/x-www-form-urlencoded", body: Array(form.utf8))
        #expect(reply.status == 200)
        #expect(reply.text.contains("<title>essai — quotes</title>"))
        #expect(reply.text.contains("Nous tiendrons &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!reply.text.contains("<script>alert"))
        #expect(reply.text.contains("data-speaker=\"Anne Vidal\""))
    }

    @Test("GET / is a form that posts to /v1/report; GET /healthz says ok")
    func pages() throws {
        let home = try server().request("GET", "/")
        #expect(home.status == 200)
        #expect(home.text.contains("<form method=\"post\" action=\"/v1/report\""))
        #expect(home.text.contains("<textarea id=\"text\" name=\"text\""))
        let health = try server().request("GET", "/healthz")
        #expect(health.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(health.body)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        #expect(object["workers"] as? Int == ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Rows: what is sent (method, path, Content-Type, body), the status,
    /// and a piece of the `error` message.
    static let refusals: [(String, String, String?, [UInt8], Int, String)] = [
        ("POST", "/v1/extract", "text/csv", Array("a".utf8), 415, "Content-Type text/csv is not accepted here: send text/plain, application/json, application/x-ndjson"),
        ("POST", "/v1/extract", nil, Array("a".utf8), 415, "no Content-Type"),
        ("POST", "/v1/extract", "text/plain; charset=iso-8859-1", Array("a".utf8), 415, "charset iso-8859-1 is not accepted: send UTF-8"),
        ("POST", "/v1/report", "application/x-ndjson", Array("{}".utf8), 415, "send text/plain, application/json, application/x-www-form-urlencoded"),
        ("POST", "/v1/extract", "text/plain", Array("«Oui»".utf8) + [0xC3, 0x28] + Array(" dit-il".utf8), 400, "invalid UTF-8 at byte 7 (bytes C3 28 20 64)"),
        ("POST", "/v1/extract", "application/json", [0x7B, 0xFF, 0x7D], 400, "invalid UTF-8 at byte 1 (bytes FF 7D)"),
        ("POST", "/v1/extract", "application/x-ndjson", Array("{\"text\": \"a\"}\n".utf8) + [0xED, 0xA0, 0x80], 400, "invalid UTF-8 at byte 14"),
        ("POST", "/v1/extract", "application/json", Array("{\"id\": \"a\"".utf8), 400, "the JSON body: malformed JSON"),
        ("POST", "/v1/extract", "application/json", Array("{\"id\": \"a\"}".utf8), 400, "the JSON body: missing \"text\""),
        ("POST", "/v1/extract", "application/json", Array("[\"text\"]".utf8), 400, "the JSON body: expected a JSON object"),
        ("POST", "/v1/extract", "application/json", Array(repeating: UInt8(ascii: "["), count: 100_000), 400, "the JSON body: malformed JSON"),
        ("POST", "/v1/extract", "application/json", [], 400, "the JSON body is empty"),
        ("POST", "/v1/report", "application/x-www-form-urlencoded", Array("id=a".utf8), 400, "the form has no text field"),
        ("POST", "/v1/report", "application/x-www-form-urlencoded", Array("text=%E9t%E9".utf8), 400, "the form is not valid URL-encoded UTF-8"),
        ("POST", "/v1/report", "application/x-www-form-urlencoded", Array("text=50%".utf8), 400, "the form is not valid URL-encoded UTF-8"),
        ("POST", "/v1/extract", "text/plain", Array(repeating: UInt8(ascii: "a"), count: 200_001), 413, "more than the limit of 200000 bytes"),
        ("GET", "/v1/extract", nil, [], 405, "GET is not allowed on /v1/extract: use POST"),
        ("DELETE", "/healthz", nil, [], 405, "DELETE is not allowed on /healthz: use GET"),
        ("GET", "/v2/extract", nil, [], 404, "no such resource: /v2/extract"),
    ]

    @Test("every refusal is a JSON error a client can act on", arguments: refusals)
    func refusal(_ row: (String, String, String?, [UInt8], Int, String)) throws {
        let reply = try server().request(row.0, row.1, type: row.2, body: row.3)
        #expect(reply.status == row.4)
        #expect(reply.headers["content-type"] == "application/json")
        let message = try #require(reply.error, "body: \(reply.text)")
        #expect(message.contains(row.5), "\(message)")
        if row.4 == 405 { #expect(reply.headers["allow"] != nil) }
    }

    @Test("a body sent in chunks past the limit is refused with 413")
    func chunkedTooLarge() throws {
        var body: [UInt8] = []
        for _ in 0..<30 { body += Array("2710\r\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 10_000) + Array("\r\n".utf8) }
        body += Array("0\r\n\r\n".utf8)
        let reply = try server().request("POST", "/v1/extract", type: "text/plain", body: body, headers: [("Transfer-Encoding", "chunked")])
        #expect(reply.status == 413)
        #expect(reply.error?.contains("larger than the limit of 200000 bytes") == true)
    }

    @Test("the server still answers after every refusal, and logs each request")
    func stillServing() throws {
        let health = try server().request("GET", "/healthz")
        #expect(health.status == 200)
        #expect(try server().log.contains("GET /healthz 200"))
    }
}
