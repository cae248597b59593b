import Testing
@testable import Quotes

/// An entity's role keys: each once, in the order met, and the same
/// answers from ``Entity/hasRole(_:)`` below and above the count where a
/// set starts to index them.
@Suite struct EntityRolesTests {
    static func entity(_ roles: [String]) -> Entity {
        Entity(kind: .person, display: "X", displayWeight: 0, gender: .unknown, number: .singular, roles: Entity.distinct(roles),
               country: nil, registry: nil, surname: nil, names: [], mentions: [], isWeak: false)
    }

    /// `count` keys, `role0` … `roleN`.
    static func keys(_ count: Int, from start: Int = 0) -> [String] { (start..<start + count).map { "role\($0)" } }

    @Test("distinct keeps each key once, in order", arguments: [
        ([], []),
        (["ministre"], ["ministre"]),
        (["ministre", "russe"], ["ministre", "russe"]),
        (["ministre", "russe", "ministre"], ["ministre", "russe"]),
        (["russe", "russe", "russe"], ["russe"]),
        (keys(20) + keys(20), keys(20)),
        (keys(3) + keys(30) + ["x"], keys(30) + ["x"]),
    ] as [([String], [String])])
    func distinct(keys: [String], expected: [String]) {
        #expect(Entity.distinct(keys) == expected)
    }

    @Test("addRoles appends the new keys only, in order; hasRole agrees with the list", arguments: [
        (0, 1), (2, 3), (10, 6), (15, 1), (16, 1), (16, 2), (17, 5), (40, 40),
    ])
    func addRoles(initial: Int, added: Int) {
        var entity = Self.entity(Self.keys(initial))
        // Half of what is added is already there (when there is anything), half is new.
        let repeated = Self.keys(min(initial, added / 2))
        let fresh = Self.keys(added - repeated.count, from: 1000)
        entity.addRoles(repeated + fresh + fresh)
        #expect(entity.roles == Self.keys(initial) + fresh)
        for key in entity.roles { #expect(entity.hasRole(key), "\(key)") }
        for key in ["role999", "role2000", "ministre", ""] { #expect(!entity.hasRole(key), "\(key)") }
        // Growing further keeps both ways in step.
        entity.addRoles(["ministre", "role0", "ministre"])
        #expect(entity.roles.filter { $0 == "ministre" }.count == 1)
        #expect(entity.hasRole("ministre") && entity.hasRole("role0"))
        #expect(entity.roles.count == Set(entity.roles).count)
    }
}
