import Foundation

// Build tool: writes a Swift file that carries text files (the migrations of sql/, the shipped
// scoring schemes of config/schemes/) as string constants, so the installed `ecpa` binary needs
// neither the source tree nor resource bundles.
// Usage: ecpa-embed-sql OUTPUT.swift ENUM_NAME FOLDER EXTENSION
// The folder is listed here, when the command runs, not when the build is planned, so a file
// added to or removed from sql/ is picked up by the next build.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: ecpa-embed-sql OUTPUT.swift ENUM_NAME FOLDER EXTENSION\n".utf8))
    exit(64)
}
let output = arguments[0]
let enumName = arguments[1]
let folder = arguments[2]
let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    .filter { ($0 as NSString).pathExtension == arguments[3] }
    .map { (folder as NSString).appendingPathComponent($0) }
var swift = "// Generated at build time by ecpa-embed-sql. Do not edit.\n\n"
swift += "enum \(enumName) {\n    static let files: [(name: String, text: String)] = [\n"
for path in files.sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    let name = (path as NSString).lastPathComponent
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    swift += "        (\(String(reflecting: name)), \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
swift += "    ]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
