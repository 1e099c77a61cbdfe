import Testing
import Gazette

/// Mentions of `text` with the default lexicons: "surface=id(source)" in text order.
func entityMentions(_ text: String) throws -> [String] {
    let pipeline = try sharedPipeline()
    let worker = try pipeline.makeWorker()
    let bytes = Array(text.utf8)
    let extraction = try bytes.withUnsafeBufferPointer { try worker.entities(in: $0) }
    return extraction.mentions.map { m in
        let id = m.entity.map { extraction.entities[$0].id } ?? m.candidates.map { extraction.entities[$0].id }.joined(separator: "|")
        return "\(String(decoding: bytes[m.byteStart..<m.byteEnd], as: UTF8.self))=\(id)(\(m.source.rawValue))"
    }
}

nonisolated(unsafe) private var cachedPipeline: Pipeline?
func sharedPipeline() throws -> Pipeline {
    if let cachedPipeline { return cachedPipeline }
    let pipeline = try Pipeline.load(lexiconPaths: [])
    cachedPipeline = pipeline
    return pipeline
}

@Suite("Entity resolution", .serialized)
struct EntityResolverTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]
        var testDescription: String { text }
    }

    static let people: [Case] = [
        Case(text: "Japanese Foreign Minister Takeshi Iwaya arrived.",
             expected: ["Japanese=country:JPN(lexicon)", "Takeshi Iwaya=person:takeshi-iwaya(pattern)"]),
        Case(text: "Australian FM Penny Wong spoke.",
             expected: ["Australian=country:AUS(lexicon)", "Penny Wong=person:penny-wong(pattern)"]),
        Case(text: "President Ferdinand Marcos Jr. and the rest.", expected: ["Ferdinand Marcos Jr.=person:ferdinand-marcos-jr(pattern)"]),
        // A surname later, with or without a title, refers back.
        Case(text: "Foreign Minister Takeshi Iwaya met reporters. Minister Iwaya said Iwaya would stay.",
             expected: ["Takeshi Iwaya=person:takeshi-iwaya(pattern)", "Iwaya=person:takeshi-iwaya(coreference)", "Iwaya=person:takeshi-iwaya(coreference)"]),
        // A surname before the full name is not linked; a title with no name is no person.
        Case(text: "Iwaya spoke. The Prime Minister said nothing.", expected: []),
        // Institution words after a title are not names.
        Case(text: "The General Assembly met.", expected: []),
    ]

    static let agreements: [Case] = [
        Case(text: "The proposed Agreement on the Security of Information reflects it.",
             expected: ["Agreement on the Security of Information=agreement:agreement-on-the-security-of-information(pattern)"]),
        Case(text: "They began talks on a Japan-Philippines Acquisition and Cross-Servicing Agreement.",
             expected: ["Japan-Philippines Acquisition and Cross-Servicing Agreement=agreement:japan-philippines-acquisition-and-cross-servicing-agreement(pattern)"]),
        Case(text: "the Treaty of Amity and Cooperation in Southeast Asia",
             expected: ["Treaty of Amity and Cooperation=agreement:treaty-of-amity-and-cooperation(pattern)"]),
        Case(text: "the Paris Agreement and a new Defense Pact",
             expected: ["Paris Agreement=agreement:paris-agreement(pattern)", "Defense Pact=agreement:defense-pact(pattern)"]),
        // A head word alone, or in lower case, is no name.
        Case(text: "They reached an agreement. The Agreement was signed.", expected: []),
        // An acronym defined in parentheses refers back, there and later.
        Case(text: "the Reciprocal Access Agreement (RAA) was ratified. The RAA awaits Japan.",
             expected: ["Reciprocal Access Agreement=agreement:reciprocal-access-agreement(pattern)", "RAA=agreement:reciprocal-access-agreement(coreference)",
                        "RAA=agreement:reciprocal-access-agreement(coreference)", "Japan=country:JPN(lexicon)"]),
        // Letters that do not abbreviate the name define nothing.
        Case(text: "the Reciprocal Access Agreement (XYZ) and XYZ", expected: ["Reciprocal Access Agreement=agreement:reciprocal-access-agreement(pattern)"]),
    ]

    @Test(arguments: people)
    func titleBasedPeople(_ c: Case) throws {
        let got = try entityMentions(c.text)
        #expect(got == c.expected, "\(got)")
    }

    @Test(arguments: agreements)
    func agreementsByShape(_ c: Case) throws {
        let got = try entityMentions(c.text)
        #expect(got == c.expected, "\(got)")
    }
}
