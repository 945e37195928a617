"""The web layer: the HTTP API and the web UI over a store (``svodka serve``).

``app.create_app(db)`` builds the FastAPI app and ``app.serve`` runs it with uvicorn. ``api`` and ``pages``
are the edges; ``views``, ``storyviews`` and ``entityviews`` gather what they show from the store;
``highlight`` renders text with marks from offsets; ``security`` holds the CSP, body limit and token check.
"""
