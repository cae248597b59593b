import Hummingbird
import Quotes

/// An answer other than success, with the message a client can act on; the
/// body is always `{"error": "…"}`.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    func response() -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let body = JSONValue.object([("error", .string(message))]).serialized() + "\n"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// Turns every error into a JSON answer: ``APIError`` as it is, Hummingbird's
/// own (no such route, body too large) with a message, a known path asked
/// with the wrong method as 405 with `Allow`, anything else as 500 (logged).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The methods each path answers, for 405.
    let routes: [String: [HTTPRequest.Method]]
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let methods = routes[request.uri.path] {
                let allowed = methods.map(\.rawValue).joined(separator: ", ")
                return APIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path): use \(allowed)",
                                headers: [.allow: allowed]).response()
            }
            return APIError(error.status, message(for: error.status, request)).response()
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return APIError(.internalServerError, "internal error").response()
        }
    }

    private func message(for status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound: "no such resource: \(request.uri.path) (try GET / or see openapi.yaml)"
        case .contentTooLarge: "the body is larger than the limit of \(bodyLimit) bytes"
        default: status.reasonPhrase
        }
    }
}

/// One line a request at `info`: method, path, status and time taken.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        context.logger.debug("request", metadata: ["method": "\(request.method.rawValue)", "path": "\(request.uri.path)"])
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(Int(milliseconds.rounded())) ms")
        return response
    }
}
