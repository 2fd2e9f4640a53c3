"""Understanding a message: everything between the text a student typed and the things it names.

    text.user_text(message)            the message made safe to analyse (one length limit:
                                       text.MAX_MESSAGE_CHARS, used by every channel and the widget)
    linking.Linker(kb, nlp, words).link(text) -> Links
                                       the roles, sectors, pathways and topics it names, the job
                                       words it leaves open ("engineer") and unknown job words
    nlp.load()                         the offline spaCy pipeline the linker matches lemmas with
    vocabulary.question_words()        ordinary question words, read from the NLU training data

`bot.answers.loaded_knowledge.shared()` builds the process-wide linker; `Turn.links` calls it.
Importing this package loads nothing (spaCy is imported by `linking` and `nlp` only).
"""
