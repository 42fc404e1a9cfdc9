import Foundation

// Build tool: writes a Swift file that carries text files (the migrations of sql/, the shipped
// scoring schemes of config/schemes/) as string constants, so the installed `ecpa` binary needs
// neither the source tree nor resource bundles.
// Usage: ecpa-embed-sql OUTPUT.swift ENUM_NAME FILE...
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ecpa-embed-sql OUTPUT.swift ENUM_NAME FILE...\n".utf8))
    exit(64)
}
let output = arguments[0]
let enumName = arguments[1]
var swift = "// Generated at build time by ecpa-embed-sql. Do not edit.\n\n"
swift += "enum \(enumName) {\n    static let files: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst(2).sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    let name = (path as NSString).lastPathComponent
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    swift += "        (\(String(reflecting: name)), \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
swift += "    ]\n}\n"
try swift.write(toFile: output, atomically: true, encoding: .utf8)
