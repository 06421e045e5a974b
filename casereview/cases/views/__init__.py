"""Staff pages of the cases context. Every page reads cases through ``cases.selectors`` (scoped
to the signed-in person) and changes them only through ``cases.services``."""
