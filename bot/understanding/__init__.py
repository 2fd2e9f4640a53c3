"""Understanding a message: everything between the text a student typed and what it asks.

Each message is read once, inside Rasa, by the last NLU component (bot/nlu/reader.py):

    reader.Reader(kb, nlp).read(text) -> reading.Reading
                         the roles, sectors, pathways and topics it names (linking.Linker), the job
                         words it leaves open ("engineer"), unknown job words and the known jobs
                         closest to them (closest), glossary terms (terms), places (places) and
                         question cues (data/lexicon/<lang>/cues.yml)
    verdict.verdict(text, intent, ranking, reading)
                         the classifier's guess weighed with those words (distress, deleting,
                         worries, places, a named job with a pay word, language)
    lexicon              vocabularies as data, one file per vocabulary and language
    nlp.load()           the offline spaCy pipeline the linker matches lemmas with
    vocabulary.question_words()  ordinary question words, read from the NLU training data

The reading travels with the message (`parse_data["reading"]`); the action server rebuilds it
with `reading.Reading.from_dict` and needs no spaCy. Importing this package loads nothing;
`reading` and `verdict` import no spaCy either (only `reader`, `linking`, `terms`, `closest`).
"""
