"""Stories: copies (``dedup``), online event clustering (``features`` → ``index`` → ``assign``), the periodic
``maintain`` pass, story records and headlines (``records``, ``summary``), and the pairwise metric
(``evaluate``). The pipeline calls ``assign.Clusterer.add`` inside the transaction that stores a batch;
the store reads stories back through ``Store.stories`` and ``Store.story``.
"""
