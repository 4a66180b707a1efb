import Hummingbird
import NIOCore
import Prometheus

extension LocalAPIServer {
    /// `GET /metrics`: every metric in `registry`, in the Prometheus text exposition format (version 0.0.4).
    static func addMetricsRoute(to router: Router<BasicRequestContext>, registry: PrometheusCollectorRegistry) {
        router.get("/metrics") { _, _ in
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The `Content-Disposition` of the impact report download: an attachment with a file name that
    /// matches the format (`routing-impact.csv`).
    static func attachment(for format: ReportImpactCommand.Format) -> String {
        let fileExtension = switch format {
        case .csv: "csv"
        case .json: "json"
        case .markdown: "md"
        }
        return "attachment; filename=\"routing-impact.\(fileExtension)\""
    }
}
