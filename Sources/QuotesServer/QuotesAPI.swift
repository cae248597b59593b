import Hummingbird
import Quotes
import QuotesReport

/// The routes of `quotectl serve`. Handlers only read the request, hand the
/// document to the engine's workers and write what the engine's own writers
/// and the report renderer produce: the JSON is byte for byte what
/// `quotectl extract` prints for the same document.
struct QuotesAPI: Sendable {
    let settings: ServerSettings
    let pool: ExtractorPool
    let renderer: ReportRenderer

    /// Every path and the methods it answers (the rest get 405 or 404).
    static let routes: [String: [HTTPRequest.Method]] = [
        "/": [.get], "/healthz": [.get], "/v1/extract": [.post], "/v1/report": [.post],
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in html(renderer.paste(action: "/v1/report", limitBytes: settings.bodyLimit)) }
        router.get("/healthz") { _, _ in
            json(JSONValue.object([("status", .string("ok")), ("workers", .int(pool.workers)), ("busy", .int(pool.busy)),
                                   ("waiting", .int(pool.waiting))]).serialized() + "\n")
        }
        router.post("/v1/extract") { request, _ in try await extract(request) }
        router.post("/v1/report") { request, _ in try await report(request) }
    }

    /// `text/plain` (one article, id `-` or `?id=`) and `application/json`
    /// give `extract --format json`; `application/x-ndjson` gives
    /// `extract --input jsonl --format jsonl`, error records included.
    func extract(_ request: Request) async throws -> Response {
        let type = try MediaType.of(request, among: [MediaType.plainText, MediaType.json, MediaType.ndjson])
        let body = try await RequestReading.body(of: request, limit: settings.bodyLimit)
        try RequestReading.requireUTF8(body)
        let items: [Result<InputDocument, InputError>]
        switch type {
        case MediaType.plainText: items = [.success(InputDocument(id: request.uri.queryParameters.get("id") ?? "-", bytes: body))]
        case MediaType.json:
            let article = try RequestReading.jsonArticle(body)
            items = [.success(InputDocument(id: article.id, text: article.text))]
        default:
            var lines: [Result<InputDocument, InputError>] = []
            _ = JSONLReader.read(bytes: body, path: "-") { lines.append($0); return true }
            items = lines
        }
        let format: OutputFormat = type == MediaType.ndjson ? .jsonl : .json
        let text = try await run { extractor in
            let run = ExtractionRun(options: .init())
            var writer = format.writer()
            var out = Array(writer.begin().utf8)
            for item in items {
                switch run.outcome(of: item, extractor, writer) {
                case .document(let rendered, _, _): out += writer.placeUTF8(rendered)
                case .failure(let error):
                    if format == .jsonl { out += ExtractionRun.errorRecord(error).utf8 } else { return .failure(error) }
                }
            }
            out += writer.end().utf8
            return .success(String(decoding: out, as: UTF8.self))
        }
        return format == .jsonl ? ndjson(text) : json(text)
    }

    /// The report page of one article: `text/plain`, `application/json`, or
    /// an HTML form (`text`, optional `id`), as `GET /` posts it.
    func report(_ request: Request) async throws -> Response {
        let type = try MediaType.of(request, among: [MediaType.plainText, MediaType.json, MediaType.form])
        let body = try await RequestReading.body(of: request, limit: settings.bodyLimit)
        let text = try RequestReading.requireUTF8(body)
        let id: String
        let source: SourceText
        switch type {
        case MediaType.plainText:
            (id, source) = (request.uri.queryParameters.get("id") ?? "-", text)
        case MediaType.json:
            let article = try RequestReading.jsonArticle(body)
            (id, source) = (article.id, SourceText(article.text))
        default:
            let article = try RequestReading.formArticle(body)
            (id, source) = (article.id, SourceText(article.text))
        }
        let page = try await run { [renderer] extractor in
            do {
                let result = try extractor.extract(id: id, source: source)
                return .success(renderer.page(ArticleReport(id: id, source: source, quotes: result.quotes), back: ("/", "Another article")))
            } catch {
                return .failure(InputError(location: id, message: "\(error)"))
            }
        }
        return html(page)
    }

    /// Runs `work` on a worker; a document the engine fails on is a 500
    /// (the engine accepts any valid UTF-8), a full queue or the time limit a 503.
    private func run(_ work: @escaping @Sendable (QuoteExtractor) -> Result<String, InputError>) async throws(APIError) -> String {
        let outcome: Result<String, InputError>
        do { outcome = try await pool.perform(timeLimit: settings.timeLimit, work) } catch {
            switch error {
            case .busy: throw APIError(.serviceUnavailable, "all \(pool.workers) workers are busy and \(settings.queueLimit) requests wait: try again", headers: [.retryAfter: "1"])
            case .timedOut: throw APIError(.serviceUnavailable, "the request took longer than the time limit of \(settings.timeLimit)", headers: [.retryAfter: "1"])
            }
        }
        switch outcome {
        case .success(let text): return text
        case .failure(let error): throw APIError(.internalServerError, "the engine failed on \(error.location): \(error.message)")
        }
    }
}

private func response(_ text: String, _ type: String) -> Response {
    Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

private func json(_ text: String) -> Response { response(text, "application/json") }
private func ndjson(_ text: String) -> Response { response(text, "application/x-ndjson") }
private func html(_ text: String) -> Response { response(text, "text/html; charset=utf-8") }
