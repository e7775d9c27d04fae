package org.civicledger.query.readmodel;

class MemoryDocumentsTest extends DocumentStoreContract {

    @Override
    DocumentStore store() {
        return new MemoryDocuments();
    }
}
